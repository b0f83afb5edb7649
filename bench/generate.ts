import { sql } from "drizzle-orm";
import type { DB } from "@/db/client";

/**
 * Grows a demo database to 100 times its size, in bulk SQL (generate_series), so a benchmark can
 * compare the same pages over years of records: 500 policies with 5 versions each, 50k comments
 * (500 of them on the policy in open consultation), 2k closed motions with their ballots, 20k tasks,
 * 1k organisations and 5k users. Runs on PostgreSQL 15 and on PGlite alike.
 */
export const BENCH_SIZES = { organizations: 1000, users: 5000, policies: 500, versionsPerPolicy: 5, comments: 50_000, motions: 2000, tasks: 20_000 };
export const HOT_POLICY_SLUG = "complaints-procedure-affected-persons";

export async function growTo100x(db: DB): Promise<void> {
  const s = BENCH_SIZES;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into organizations (slug, name, pillar_id, country, membership_status, certification_standard, certification_expires_on)
      select 'bench-org-' || g, 'Bench Organisation ' || g,
             (array['government','civil_society','industry'])[1 + g % 3],
             (array['CH','GB','US','ZA','KE','FR','CO','PE'])[1 + g % 8],
             case when g % 3 = 2 then (array['applicant','transitional_member','certified_member','affiliate','suspended','terminated'])[1 + g % 6] end,
             case when g % 3 = 2 and g % 6 in (1, 2) then 'PSC.1' end,
             case when g % 3 = 2 and g % 6 in (1, 2) then current_date + (g % 700 - 100) end
      from generate_series(1, ${s.organizations}) g`);
    await tx.execute(sql`
      insert into organization_status_history (organization_id, to_status, reason, effective_on)
      select id, membership_status, 'Admitted by the Board', current_date - 400
      from organizations where slug like 'bench-org-%' and membership_status is not null`);
    await tx.execute(sql`
      insert into users (email, name, password_hash, organization_id)
      select 'bench.user.' || g || '@example.org', 'Bench User ' || g,
             (select password_hash from users where email = 'admin@example.org'), o.id
      from generate_series(1, ${s.users}) g
      join organizations o on o.slug = 'bench-org-' || (1 + g % ${s.organizations})`);
    await tx.execute(sql`insert into user_roles (user_id, role) select id, 'representative' from users where email like 'bench.user.%'`);

    // Policies with versions: paragraphs go in while a version is a draft (a trigger guards final ones).
    await tx.execute(sql`
      insert into policies (slug, title, category, status, created_by_id)
      select 'bench-policy-' || g, 'Bench Policy ' || g,
             (array['procedure','guidance','membership_requirement','budget','other'])[1 + g % 5], 'board_review',
             (select id from users where email = 'secretariat@example.org')
      from generate_series(1, ${s.policies}) g`);
    await tx.execute(sql`
      insert into policy_versions (policy_id, number, state, body_md, created_by_id)
      select p.id, v, 'draft', 'Bench text of version ' || v, p.created_by_id
      from policies p cross join generate_series(1, ${s.versionsPerPolicy}) v where p.slug like 'bench-policy-%'`);
    await tx.execute(sql`
      insert into policy_paragraphs (version_id, key, position, body)
      select pv.id, 'p-' || substr(md5(pv.policy_id::text || k), 1, 10), k,
             'Paragraph ' || k || ' of version ' || pv.number || ': members shall report incidents promptly and keep records.'
      from policy_versions pv join policies p on p.id = pv.policy_id and p.slug like 'bench-policy-%'
      cross join generate_series(0, 5) k`);
    await tx.execute(sql`
      update policy_versions set state = 'final', finalized_at = now()
      where policy_id in (select id from policies where slug like 'bench-policy-%')`);
    await tx.execute(sql`
      insert into consultations (policy_id, version_id, opens_at, closes_at, opened_by_id)
      select pv.policy_id, pv.id, now() - interval '90 days', now() - interval '60 days', p.created_by_id
      from policy_versions pv join policies p on p.id = pv.policy_id
      where p.slug like 'bench-policy-%' and pv.number = ${s.versionsPerPolicy}`);

    // 500 comments on the policy in open consultation; the rest spread over the closed bench consultations.
    await tx.execute(sql`
      with target as (
        select c.id as consultation_id, c.version_id, (select key from policy_paragraphs where version_id = c.version_id order by position limit 1) as key
        from consultations c join policies p on p.id = c.policy_id
        where p.slug = ${HOT_POLICY_SLUG} and c.closes_at > now() order by c.opens_at desc limit 1)
      insert into comments (consultation_id, version_id, original_version_id, paragraph_key, body, author_id)
      select t.consultation_id, t.version_id, t.version_id, t.key, 'Bench comment ' || g || ': please clarify the reporting timeline.',
             (select id from users where email = 'bench.user.' || (1 + g % ${s.users}) || '@example.org')
      from target t cross join generate_series(1, 500) g`);
    await tx.execute(sql`
      with targets as (
        select row_number() over (order by c.id) as n, c.id, c.version_id from consultations c
        join policies p on p.id = c.policy_id where p.slug like 'bench-policy-%'),
      counted as (select count(*) as total from targets)
      insert into comments (consultation_id, version_id, original_version_id, paragraph_key, body, author_id, status, response, responded_at)
      select t.id, t.version_id, t.version_id, 'p-' || substr(md5(p.policy_id::text || (g % 6)), 1, 10),
             'Bench comment ' || g || ' on the draft.',
             (select id from users where email = 'bench.user.' || (1 + g % ${s.users}) || '@example.org'),
             (array['open','accepted','partly_accepted','not_accepted','noted'])[1 + g % 5],
             case when g % 5 <> 0 then 'Answered by the Secretariat.' end,
             case when g % 5 <> 0 then now() - interval '50 days' end
      from generate_series(1, ${s.comments - 500}) g
      cross join counted
      join targets t on t.n = 1 + g % counted.total
      join policy_versions p on p.id = t.version_id`);

    // Closed resolutions, each voted by the twelve current directors.
    await tx.execute(sql`
      insert into motions (kind, title, resolution_text, status, rule_id, rule_snapshot, closes_at, created_by_id, created_at, opened_by_id, opened_at, closed_at)
      select 'resolution', 'Bench resolution ' || g, 'The Board resolves item ' || g || '.', 'closed', r.id, r.config,
             now() - (g || ' hours')::interval, s.id, now() - ((g + 100) || ' hours')::interval, s.id,
             now() - ((g + 72) || ' hours')::interval, now() - (g || ' hours')::interval
      from generate_series(1, ${s.motions}) g
      cross join (select id, config from decision_rules where is_default) r
      cross join (select id from users where email = 'secretariat@example.org') s`);
    await tx.execute(sql`
      insert into motion_roll (motion_id, director_id, pillar_id, seat_id)
      select m.id, t.holder_id, b.pillar_id, b.id from motions m
      cross join seat_terms t join board_seats b on b.id = t.seat_id
      where m.title like 'Bench resolution %' and t.ended_at is null`);
    await tx.execute(sql`
      insert into ballots (motion_id, director_id, choice, cast_at, updated_at)
      select r.motion_id, r.director_id, (array['yes','yes','yes','no','abstain'])[1 + abs(hashtext(r.motion_id::text || r.director_id::text)) % 5],
             m.opened_at + interval '1 hour', m.opened_at + interval '1 hour'
      from motion_roll r join motions m on m.id = r.motion_id where m.title like 'Bench resolution %'`);
    await tx.execute(sql`
      insert into ballot_history (motion_id, director_id, choice, cast_at)
      select b.motion_id, b.director_id, b.choice, b.cast_at from ballots b
      join motions m on m.id = b.motion_id where m.title like 'Bench resolution %'`);
    await tx.execute(sql`
      insert into motion_results (motion_id, passed, reasons, tally, decided_at)
      select m.id, (select count(*) from ballots b where b.motion_id = m.id and b.choice = 'yes') >= 8,
             '["Computed for the benchmark"]'::jsonb, '{}'::jsonb, m.closed_at
      from motions m where m.title like 'Bench resolution %'`);

    await tx.execute(sql`
      insert into tasks (title, description, assignee_id, creator_id, due_on, priority, status, blocked_from, blocked_reason, completed_at, created_at)
      select 'Bench task ' || g, 'Follow up on item ' || g || '.',
             case when g % 2 = 0 then a.id else b.id end, c.id,
             current_date + (g % 400 - 200), (array['low','normal','high'])[1 + g % 3],
             (array['open','in_progress','in_review','done','blocked'])[1 + g % 5],
             case when g % 5 = 4 then 'in_progress' end,
             case when g % 5 = 4 then 'Waiting for documents' end,
             case when g % 5 = 3 then now() - ((g % 300) || ' days')::interval end,
             now() - interval '300 days'
      from generate_series(1, ${s.tasks}) g
      cross join (select id from users where email = 'secretariat@example.org') a
      cross join (select id from users where email = 'staff2@example.org') b
      cross join (select id from users where email = 'gov2@example.org') c`);
    await tx.execute(sql`
      insert into task_events (task_id, actor_id, kind, to_status, created_at)
      select id, creator_id, 'created', 'open', created_at from tasks where title like 'Bench task %'`);
  });
  // A maintained database: PostgreSQL's autovacuum would do this, and the app vacuums PGlite at start.
  await db.execute(sql`vacuum (analyze)`);
}
