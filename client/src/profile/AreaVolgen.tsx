import { VolgenSection } from '../dashboard/VolgenSection.tsx';
import type { Programme } from '../shared/model.ts';
import { useProgrammeProgress, useProgrammes } from '../shared/queries.ts';

/** One programme's volgen rows, narrowed to this area; nothing when the area is not one of its focus areas. */
function ProgrammeVolgen({ programme, code }: { programme: Programme; code: string }) {
  const progress = useProgrammeProgress(programme.id);
  const volgen = (progress.data?.volgen ?? [])
    .map((v) => ({ ...v, gebieden: v.gebieden.filter((g) => g.gebied.code === code) }))
    .filter((v) => v.gebieden.length > 0);
  return (
    <VolgenSection
      volgen={volgen}
      title={`Volgen in ${programme.naam}`}
      headingId={`volgen-titel-${programme.id}`}
    />
  );
}

/** "Volgen" on the area profile: the monitoring indicators of each programme that has this area as a focus area. */
export function AreaVolgen({ code, gemeente }: { code: string; gemeente: string | null }) {
  const programmes = useProgrammes();
  return (
    <>
      {(programmes.data ?? [])
        .filter((p) => p.gemeente === gemeente)
        .map((p) => (
          <ProgrammeVolgen key={p.id} programme={p} code={code} />
        ))}
    </>
  );
}
