import type { Reason } from '../explain/messages/types';
import { displayName, type CohortContext } from '../model/context';
import type { Participant } from '../model/participant';
import type { CohortColumns, RowScorer } from '../model/columns';
import type { SkillDef, Teacher } from '../model/taxonomy';
import type { Scorer } from './scorer';

/**
 * What one side can teach the other on the skills it teaches, weighted by the learner's desire:
 * `sum(gap_k * want_k) / (5 * max(5, sum(want_k)))` over the skills taught by `teacher`, where
 * `gap_k = max(0, teacher level - learner level)` and `want_k` the learner's desire (0..5). So a
 * learner who wants one skill at 5/5 and meets a 5-vs-0 teacher scores 1, a weak desire caps the
 * score, and a learner who wants several skills gets the weighted mean of the gaps.
 *
 * @internal Shared by `skillGap` (juniors teach) and `reciprocity` (seniors teach).
 */
export function skillTransfer(id: 'skillGap' | 'reciprocity', teacher: Teacher, context: CohortContext): Scorer {
  const skills = context.program.skills.filter((s) => s.teacher === teacher);
  const skillIds = skills.map((s) => s.id);
  const count = skillIds.length;
  const teacherOf = (j: Participant, s: Participant) => (teacher === 'junior' ? j : s);
  const learnerOf = (j: Participant, s: Participant) => (teacher === 'junior' ? s : j);
  return {
    id,
    score(junior, senior) {
      const t = teacherOf(junior, senior);
      const l = learnerOf(junior, senior);
      let gained = 0;
      let wanted = 0;
      for (let k = 0; k < count; k++) {
        const skill = skillIds[k] as string;
        const want = l.wants[skill];
        if (want === undefined || want <= 0) continue;
        wanted += want;
        const gap = (t.skills[skill] ?? 0) - (l.skills[skill] ?? 0);
        if (gap > 0) gained += gap * want;
      }
      return wanted === 0 ? 0 : gained / (5 * (wanted > 5 ? wanted : 5));
    },
    explain(junior, senior) {
      const t = teacherOf(junior, senior);
      const l = learnerOf(junior, senior);
      const names = { junior: displayName(junior), senior: displayName(senior) };
      const rows: { value: number; order: number; reason: Reason }[] = [];
      let wanted = 0;
      skills.forEach((skill, order) => {
        const want = l.wants[skill.id] ?? 0;
        if (want <= 0) return;
        wanted += want;
        const teacherLevel = t.skills[skill.id] ?? 0;
        const learnerLevel = l.skills[skill.id] ?? 0;
        if (teacherLevel <= learnerLevel) return;
        const params = { teacher: displayName(t), learner: displayName(l), skill: skill.label ?? skill.id, teacherLevel, learnerLevel, want };
        rows.push({
          value: (teacherLevel - learnerLevel) * want,
          order,
          reason: id === 'skillGap' ? { messageId: 'skillGap.teaches', params } : { messageId: 'reciprocity.teaches', params },
        });
      });
      if (wanted === 0) return [{ messageId: `${id}.nothingWanted`, params: names }];
      if (rows.length === 0) return [{ messageId: `${id}.none`, params: names }];
      return rows.sort((a, b) => b.value - a.value || a.order - b.order).map((r) => r.reason);
    },
  };
}

/**
 * The typed form of {@link skillTransfer}: same value for every pair, from the skill columns.
 *
 * @internal Shared by the `skillGap` and `reciprocity` kernels.
 */
export function skillTransferKernel(teacher: Teacher, skills: readonly SkillDef[], columns: CohortColumns): RowScorer {
  const taught = Int32Array.from(
    skills.flatMap((s, k) => (s.teacher === teacher ? [k] : [])),
  );
  const stride = columns.skillIds.length;
  const learners = teacher === 'junior' ? columns.seniors : columns.juniors;
  // Each learner's wishes on the taught skills, the positive ones only, in skill order (the order
  // `score` adds them in): skill, desire and the learner's own level, as a CSR; and the learner's
  // denominator 5 * max(5, sum of desires), 0 when they want nothing.
  const start = new Int32Array(learners.count + 1);
  const skill: number[] = [];
  const desire: number[] = [];
  const own: number[] = [];
  const denominator = new Float64Array(learners.count);
  for (let l = 0; l < learners.count; l++) {
    let wanted = 0;
    for (let t = 0; t < taught.length; t++) {
      const k = taught[t]!;
      const want = learners.wants[l * stride + k]!;
      if (!(want > 0)) continue;
      wanted += want;
      skill.push(k);
      desire.push(want);
      own.push(learners.skills[l * stride + k]!);
    }
    start[l + 1] = skill.length;
    denominator[l] = wanted === 0 ? 0 : 5 * (wanted > 5 ? wanted : 5);
  }
  const wantSkill = Int32Array.from(skill);
  const wantDesire = Float64Array.from(desire);
  const learnerLevel = Float64Array.from(own);
  const teacherSkills = teacher === 'junior' ? columns.juniors.skills : columns.seniors.skills;
  if (teacher === 'junior') {
    return (row, candidates, count, total, coef) => {
      const teacherBase = row * stride;
      for (let i = 0; i < count; i++) {
        const learner = candidates[i]!;
        const d = denominator[learner]!;
        if (d === 0) continue;
        let gained = 0;
        for (let t = start[learner]!, end = start[learner + 1]!; t < end; t++) {
          const gap = teacherSkills[teacherBase + wantSkill[t]!]! - learnerLevel[t]!;
          if (gap > 0) gained += gap * wantDesire[t]!;
        }
        total[i]! += coef * (gained / d);
      }
    };
  }
  return (row, candidates, count, total, coef) => {
    const d = denominator[row]!;
    if (d === 0) return;
    const first = start[row]!;
    const end = start[row + 1]!;
    for (let i = 0; i < count; i++) {
      const teacherBase = candidates[i]! * stride;
      let gained = 0;
      for (let t = first; t < end; t++) {
        const gap = teacherSkills[teacherBase + wantSkill[t]!]! - learnerLevel[t]!;
        if (gap > 0) gained += gap * wantDesire[t]!;
      }
      total[i]! += coef * (gained / d);
    }
  };
}
