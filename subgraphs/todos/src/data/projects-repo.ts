import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { projectMembers, projects, sections, type NewProject, type ProjectMemberRow, type ProjectRole, type ProjectRow, type SectionRow } from './tables';

export async function findProjectsByIds(db: Db, ids: readonly string[]): Promise<ProjectRow[]> {
  return db.select().from(projects).where(inArray(projects.id, [...ids]));
}

/** The user's role in each of these projects (absent: not a member). */
export async function findRolesOf(db: Db, userId: string, projectIds: readonly string[]): Promise<{ projectId: string; role: ProjectRole }[]> {
  return db
    .select({ projectId: projectMembers.projectId, role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, userId), inArray(projectMembers.projectId, [...projectIds])));
}

/** The members of each project: the owner first, then in the order they were added. */
export async function findMembersOf(db: Db, projectIds: readonly string[]): Promise<ProjectMemberRow[]> {
  return db
    .select()
    .from(projectMembers)
    .where(inArray(projectMembers.projectId, [...projectIds]))
    .orderBy(asc(projectMembers.projectId), desc(sql`${projectMembers.role} = 'OWNER'`), asc(projectMembers.addedAt), asc(projectMembers.userId));
}

/** Every project the user is a member of: the Inbox first, then by creation. */
export async function findProjectsOfMember(db: Db, userId: string): Promise<ProjectRow[]> {
  const rows = await db
    .select({ project: projects })
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .orderBy(desc(sql`${projects.inbox} and ${projects.ownerId} = ${userId}`), asc(projects.createdAt), asc(projects.id));
  return rows.map((row) => row.project);
}

export async function findInbox(db: Db, ownerId: string): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(and(eq(projects.ownerId, ownerId), eq(projects.inbox, true)));
  return row;
}

/** Inserts a project with its owner as the OWNER member. With `onConflictDoNothing` (the Inbox), undefined when one exists. */
export async function insertProject(db: Db, project: NewProject, options: { ifAbsent?: boolean } = {}): Promise<ProjectRow | undefined> {
  const insert = db.insert(projects).values(project);
  const [row] = await (options.ifAbsent ? insert.onConflictDoNothing() : insert).returning();
  if (row) await db.insert(projectMembers).values({ projectId: row.id, userId: row.ownerId, role: 'OWNER', addedAt: row.createdAt });
  return row;
}

export async function updateProjectRow(db: Db, id: string, changes: Partial<NewProject>): Promise<ProjectRow> {
  const [row] = await db.update(projects).set(changes).where(eq(projects.id, id)).returning();
  return row!;
}

export async function deleteProjectRow(db: Db, id: string): Promise<void> {
  await db.delete(projects).where(eq(projects.id, id));
}

/**
 * The project with the caller's role, its changes serialised until the transaction ends
 * (membership changes and deletion run one at a time). An advisory lock rather than FOR UPDATE:
 * row-level security would hide the row from a member who may not update it, and a VIEWER must
 * still learn that they are one.
 */
export async function lockProjectFor(db: Db, userId: string, projectId: string): Promise<{ project: ProjectRow; role: ProjectRole } | undefined> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`todos.project:${projectId}`}, 0))`);
  const [row] = await db
    .select({ project: projects, role: projectMembers.role })
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(eq(projects.id, projectId));
  return row;
}

export async function findMember(db: Db, projectId: string, userId: string): Promise<ProjectMemberRow | undefined> {
  const [row] = await db
    .select()
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
  return row;
}

export async function upsertMember(db: Db, member: ProjectMemberRow): Promise<void> {
  await db
    .insert(projectMembers)
    .values(member)
    .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: { role: member.role } });
}

export async function deleteMember(db: Db, projectId: string, userId: string): Promise<void> {
  await db.delete(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
}

export async function findSectionsByIds(db: Db, ids: readonly string[]): Promise<SectionRow[]> {
  return db.select().from(sections).where(inArray(sections.id, [...ids]));
}

export async function findSectionsOf(db: Db, projectIds: readonly string[]): Promise<SectionRow[]> {
  return db
    .select()
    .from(sections)
    .where(inArray(sections.projectId, [...projectIds]))
    .orderBy(asc(sections.projectId), asc(sections.position), asc(sections.id));
}

export async function lastSectionPosition(db: Db, projectId: string): Promise<number | null> {
  const [row] = await db.select({ last: max(sections.position) }).from(sections).where(eq(sections.projectId, projectId));
  return row?.last ?? null;
}

export async function insertSection(db: Db, section: SectionRow): Promise<SectionRow> {
  const [row] = await db.insert(sections).values(section).returning();
  return row!;
}

export async function updateSectionRow(db: Db, id: string, name: string): Promise<SectionRow> {
  const [row] = await db.update(sections).set({ name }).where(eq(sections.id, id)).returning();
  return row!;
}

export async function deleteSectionRow(db: Db, id: string): Promise<void> {
  await db.delete(sections).where(eq(sections.id, id));
}

/** Everything a deleted account owned or joined here: its projects (with their todos), memberships and sections go. */
export async function forgetProjectsOf(db: Db, userId: string): Promise<void> {
  await db.delete(projects).where(eq(projects.ownerId, userId));
  await db.delete(projectMembers).where(eq(projectMembers.userId, userId));
}
