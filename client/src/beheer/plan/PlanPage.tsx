import { type ReactNode, useState } from 'react';
import type { DoelBody, InspanningBody, PlanBody } from '../../../../schemas/plan.ts';
import { euro, periodText } from '../../programme/planView.ts';
import { Field } from '../FormErrors.tsx';
import { useBeheerData } from '../useBeheerData.ts';
import { useFocusAfterRender } from '../useFocusAfterRender.ts';
import { DoelForm, flattenTree } from './DoelForm.tsx';
import { InspanningForm } from './InspanningForm.tsx';
import type { AdminOrganisation, AdminPlans } from './planAdminApi.ts';
import './planAdmin.css';

/** Doelen (doel → subdoel) and inspanningen of a programme: create and change them. */
export function PlanPage() {
  const plans = useBeheerData<AdminPlans>('/beheer/plannen');
  const organisations = useBeheerData<{ organisaties: AdminOrganisation[] }>('/beheer/organisaties');
  const [programmeId, setProgrammeId] = useState('');
  const chosen = programmeId || plans.data?.programmas[0]?.id || '';
  const programme = plans.data?.programmas.find((p) => p.id === chosen);
  const plan = useBeheerData<PlanBody>(chosen ? `/programmas/${chosen}/plan` : null);
  const [message, setMessage] = useState<string>();

  const saved = (text: string) => {
    setMessage(text);
    plan.reload();
    plans.reload();
  };
  return (
    <section aria-labelledby="plan-titel">
      <h1 id="plan-titel">Doelen en inspanningen</h1>
      <p className="lead">
        Het plan van een programma: doelen met hun subdoelen, en de inspanningen met periode, trekker,
        partners, middelen en output. Elke wijziging staat in het auditlog.
      </p>
      {plans.error && <p className="notice notice--error">{plans.error}</p>}
      {plans.data && (
        <div className="beheer-form card">
          <Field id="plan-programma" label="Programma">
            {(props) => (
              <select {...props} value={chosen} onChange={(e) => setProgrammeId(e.target.value)}>
                {plans.data!.programmas.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.naam}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      <div aria-live="polite">{message && <p className="notice">{message}</p>}</div>
      {plan.error && <p className="notice notice--error">{plan.error}</p>}
      {plan.data && programme && (
        <PlanEditor
          key={chosen}
          programmeId={chosen}
          plan={plan.data}
          organisations={(organisations.data?.organisaties ?? []).filter(
            (o) => o.gemeente === programme.gemeente,
          )}
          onSaved={saved}
        />
      )}
    </section>
  );
}

function PlanEditor({
  programmeId,
  plan,
  organisations,
  onSaved,
}: {
  programmeId: string;
  plan: PlanBody;
  organisations: AdminOrganisation[];
  onSaved: (text: string) => void;
}) {
  const doelen = flattenTree(plan.doelen);
  const [editingDoel, setEditingDoel] = useState<number>();
  const [editingInspanning, setEditingInspanning] = useState<number | 'nieuw'>();
  const focusAfterRender = useFocusAfterRender();
  const done = (text: string, focusId: string) => {
    onSaved(text);
    setEditingDoel(undefined);
    setEditingInspanning(undefined);
    focusAfterRender(focusId);
  };

  return (
    <>
      <section aria-labelledby="doelen-titel" className="card">
        <h2 id="doelen-titel">Doelen ({doelen.length})</h2>
        {doelen.length === 0 && <p>Dit programma heeft nog geen doelen.</p>}
        <DoelTree
          doelen={plan.doelen}
          render={(doel) =>
            editingDoel === doel.id ? (
              <DoelForm
                programmeId={programmeId}
                doelen={doelen}
                editing={doelen.find((d) => d.doel.id === doel.id)}
                onSaved={(text) => done(text, `doel-${doel.id}-wijzig`)}
                onCancel={() => {
                  setEditingDoel(undefined);
                  focusAfterRender(`doel-${doel.id}-wijzig`);
                }}
              />
            ) : (
              <span className="beheer-inline">
                <span>
                  <strong>{doel.code}</strong> {doel.titel}
                </span>
                <button
                  type="button"
                  id={`doel-${doel.id}-wijzig`}
                  className="button button--secondary"
                  onClick={() => {
                    setEditingDoel(doel.id);
                    focusAfterRender(`doel-${doel.id}-code`);
                  }}
                >
                  Wijzigen<span className="visually-hidden"> doel {doel.code}</span>
                </button>
              </span>
            )
          }
        />
        <h3>Nieuw doel of subdoel</h3>
        <DoelForm
          programmeId={programmeId}
          doelen={doelen}
          onSaved={(text) => done(text, 'doel-nieuw-code')}
        />
      </section>

      <section aria-labelledby="inspanningen-titel" className="card">
        <h2 id="inspanningen-titel">Inspanningen ({plan.inspanningen.length})</h2>
        <p>
          <button
            type="button"
            id="inspanning-nieuw-knop"
            className="button"
            onClick={() => {
              setEditingInspanning('nieuw');
              focusAfterRender('inspanning-nieuw-code');
            }}
          >
            Nieuwe inspanning
          </button>
        </p>
        {editingInspanning === 'nieuw' && (
          <InspanningForm
            programmeId={programmeId}
            organisations={organisations}
            doelen={doelen}
            onSaved={(text) => done(text, 'inspanning-nieuw-knop')}
            onCancel={() => {
              setEditingInspanning(undefined);
              focusAfterRender('inspanning-nieuw-knop');
            }}
          />
        )}
        <ul className="beheer-list">
          {plan.inspanningen.map((inspanning) => (
            <li key={inspanning.id}>
              {editingInspanning === inspanning.id ? (
                <InspanningForm
                  programmeId={programmeId}
                  editing={inspanning}
                  organisations={organisations}
                  doelen={doelen}
                  onSaved={(text) => done(text, `inspanning-${inspanning.id}-wijzig`)}
                  onCancel={() => {
                    setEditingInspanning(undefined);
                    focusAfterRender(`inspanning-${inspanning.id}-wijzig`);
                  }}
                />
              ) : (
                <InspanningSummary
                  inspanning={inspanning}
                  onEdit={() => {
                    setEditingInspanning(inspanning.id);
                    focusAfterRender(`inspanning-${inspanning.id}-code`);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function DoelTree({ doelen, render }: { doelen: DoelBody[]; render: (doel: DoelBody) => ReactNode }) {
  if (doelen.length === 0) return null;
  return (
    <ul className="beheer-tree">
      {doelen.map((doel) => (
        <li key={doel.id}>
          {render(doel)}
          <DoelTree doelen={doel.subdoelen} render={render} />
        </li>
      ))}
    </ul>
  );
}

function InspanningSummary({ inspanning, onEdit }: { inspanning: InspanningBody; onEdit: () => void }) {
  const budget =
    inspanning.middelen.totaal === null
      ? inspanning.middelen.tekst
      : [euro(inspanning.middelen.totaal), inspanning.middelen.tekst].filter(Boolean).join(' · ');
  return (
    <div className="beheer-inline">
      <div>
        <strong>{inspanning.code}</strong> {inspanning.wat}
        <p className="small">
          {[
            periodText(inspanning),
            inspanning.trekker ? `trekker ${inspanning.trekker.naam}` : null,
            inspanning.partners.length > 0 ? `${inspanning.partners.length} partners` : null,
            budget,
            inspanning.doelen.length > 0 ? `doelen ${inspanning.doelen.join(', ')}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <button
        type="button"
        id={`inspanning-${inspanning.id}-wijzig`}
        className="button button--secondary"
        onClick={onEdit}
      >
        Wijzigen<span className="visually-hidden"> inspanning {inspanning.code}</span>
      </button>
    </div>
  );
}
