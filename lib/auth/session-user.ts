/** The signed-in user as the rest of the app sees it (carried in the session token). */
export type Role = 'INSTRUCTOR' | 'STUDENT';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
