/**
 * One lesson page. Fully static: generateStaticParams lists every lesson, dynamicParams is off
 * (an unknown slug is a 404, not a render), and nothing here reads cookies or headers — engine
 * numbers are computed once, at build time.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LESSONS, getLesson, lessonHref } from '@/lib/lessons/registry';
import { LESSON_CONTENT } from '@/components/lessons/content';
import { LessonLayout } from '@/components/lessons/lesson-layout';

export const dynamicParams = false;

export function generateStaticParams() {
  return LESSONS.map((l) => ({ slug: l.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const lesson = getLesson(slug);
  if (!lesson) return {};
  return {
    title: lesson.title,
    description: lesson.description,
    alternates: { canonical: lessonHref(slug) },
    openGraph: {
      title: `${lesson.title} · InitLab`,
      description: lesson.description,
      type: 'article',
      url: lessonHref(slug),
    },
  };
}

export default async function LessonPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const lesson = getLesson(slug);
  const sections = LESSON_CONTENT[slug];
  if (!lesson || !sections) notFound();
  const index = LESSONS.findIndex((l) => l.slug === slug);
  return <LessonLayout meta={lesson} index={index} sections={sections} />;
}
