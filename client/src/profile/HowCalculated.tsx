import { formatDifference, formatNumber, formatShare, formatValue } from '../shared/format.ts';
import type { Judgement, TargetProgress } from '../shared/model.ts';
import { STATUS_STYLES, toStatus } from '../shared/status.ts';
import { StatusBadge } from '../ui/StatusBadge.tsx';

const KIND: Record<string, string> = {
  absoluut: 'een vast getal',
  referentieniveau: 'het niveau van het referentiegebied',
  richting: 'alleen de richting',
};

const METHOD_TEXT: Record<string, string> = {
  absoluut:
    'Methode: voortgangsmaat van Open SDG (Statistics Canada): de groei per jaar tegen de groei die nodig is om het doel op tijd te halen. Een basis en een latere meting zijn nodig.',
  richting:
    'Methode: voortgangsmaat van Open SDG (Statistics Canada) zonder streefgetal: de groei per jaar in de gewenste richting. Een basis en een latere meting zijn nodig.',
  referentieniveau:
    'Methode: de achterstand op het referentiegebied in hetzelfde jaar moet minstens zo snel kleiner worden als de tijd tot het doeljaar verstrijkt. Een basis en een latere meting van beide gebieden zijn nodig.',
};

/** The engine's inputs with Dutch labels; values that are not there are left out. */
function inputRows(
  j: Judgement,
  value: (n: number | null) => string,
  difference: (n: number | null) => string,
): Array<[string, string]> {
  const i = j.invoer;
  const rate = (n: number | null) => (n === null ? '–' : `${formatShare(n, 2)} per jaar`);
  const rows: Array<[string, string | null]> = [
    ['Richting (d)', i.d === null ? null : i.d > 0 ? '+1, hoger is beter' : '−1, lager is beter'],
    [
      'Basis gebruikt',
      i.basiswaardeGebruikt === null ? null : `${value(i.basiswaardeGebruikt)} (${i.basisjaar ?? '?'})`,
    ],
    [
      'Huidige waarde',
      i.huidigeWaarde === null ? null : `${value(i.huidigeWaarde)} (${i.huidigJaar ?? '?'})`,
    ],
    [
      'Doel gebruikt',
      i.streefwaardeGebruikt === null ? null : `${value(i.streefwaardeGebruikt)} in ${i.streefjaar}`,
    ],
    ['Groei gemeten (CAGR)', i.cagrGemeten === null ? null : rate(i.cagrGemeten)],
    ['Groei nodig (CAGR)', i.cagrNodig === null ? null : rate(i.cagrNodig)],
    ['Referentie bij de basis', i.referentieBasiswaarde === null ? null : value(i.referentieBasiswaarde)],
    ['Referentie nu', i.referentieHuidigeWaarde === null ? null : value(i.referentieHuidigeWaarde)],
    ['Afstand bij de basis', i.afstandBasis === null ? null : difference(i.afstandBasis)],
    ['Afstand nu', i.afstandNu === null ? null : difference(i.afstandNu)],
    ['Afstand gedicht', i.afstandGedicht === null ? null : formatShare(i.afstandGedicht)],
    ['Verstreken tijd', i.verstrekenTijd === null ? null : formatShare(i.verstrekenTijd)],
    ['Voortgangsmaat', i.voortgangsmaat === null ? null : formatNumber(i.voortgangsmaat, 2)],
    [
      'Drempels',
      `${j.drempels.maat}: ≥ ${formatNumber(j.drempels.hoog, 3)} op schema, ≥ ${formatNumber(j.drempels.midden, 3)} versnelling nodig, ≥ ${formatNumber(j.drempels.laag, 3)} beperkte vooruitgang`,
    ],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

/** The status of one target with every input the engine used: the "hoe berekend" card. */
export function HowCalculated({ target }: { target: TargetProgress }) {
  const t = target;
  const v = (n: number | null) => formatValue(n, t.eenheid, t.decimalen);
  const diff = (n: number | null) => formatDifference(n, t.eenheid, t.decimalen);
  const j = t.oordeel;
  return (
    <div className="how">
      <p className="how__status">
        <StatusBadge status={t.status} />
        <span className="how__horizon">
          doel {t.horizon} jaar{t.doeljaar ? ` (${t.doeljaar})` : ''}:{' '}
          {t.streefwaarde != null ? v(t.streefwaarde) : (KIND[t.soort] ?? t.soort)}
          {t.planTekst ? ` · plan: “${t.planTekst}”` : ''}
        </span>
      </p>
      <details>
        <summary>
          Hoe berekend<span className="visually-hidden"> (doel {t.horizon} jaar)</span>
        </summary>
        <dl className="how__list">
          <dt>Soort doel</dt>
          <dd>{KIND[t.soort] ?? (t.soort || 'onbekend')}</dd>
          <dt>Basis</dt>
          <dd>
            {v(t.basisWaarde)}
            {t.basisPeriode
              ? ` over ${t.basisPeriode.label} (${formatNumber(t.basisPeriode.jaren, 1)} jaar)${
                  t.basisPeriode.perJaar != null
                    ? `: ${formatNumber(t.basisPeriode.perJaar, 1)} per jaar, vergeleken met de telling per jaar`
                    : ''
                }`
              : t.basisJaar
                ? ` (${t.basisJaar})`
                : ''}
          </dd>
          <dt>Laatste meting</dt>
          <dd>
            {t.laatsteGeheim ? 'geheim / te klein' : v(t.laatsteWaarde)}
            {t.laatsteJaar ? ` (${t.laatsteJaar})` : ''}
          </dd>
          {t.verwachtNu != null && (
            <>
              <dt>Volgens het benodigde pad nu</dt>
              <dd>{v(t.verwachtNu)}</dd>
            </>
          )}
          {t.aandeelVanDeWeg != null && (
            <>
              <dt>Deel van de weg afgelegd</dt>
              <dd>{formatShare(t.aandeelVanDeWeg, 0)}</dd>
            </>
          )}
          {t.score != null && (
            <>
              <dt>Score (−5 … +5)</dt>
              <dd>{formatNumber(t.score, 1)}</dd>
            </>
          )}
          {j &&
            inputRows(j, v, diff).map(([label, value]) => (
              <div key={label} className="how__row">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        {j?.onzekerheid && (
          <p className="how__explanation">
            {j.onzekerheid.gunstig.status === j.onzekerheid.ongunstig.status
              ? `De afronding van de cijfers verandert het oordeel niet: ${STATUS_STYLES[toStatus(j.onzekerheid.gunstig.status)].label.toLowerCase()}.`
              : `Door afronding zijn twee oordelen mogelijk: gunstig ${STATUS_STYLES[toStatus(j.onzekerheid.gunstig.status)].label.toLowerCase()}, ongunstig ${STATUS_STYLES[toStatus(j.onzekerheid.ongunstig.status)].label.toLowerCase()}.`}
          </p>
        )}
        {j?.planLezing && (
          <p className="how__explanation">
            Met het vaste getal uit het plan:{' '}
            {STATUS_STYLES[toStatus(j.planLezing.status)].label.toLowerCase()}.
          </p>
        )}
        {t.uitleg.length > 0 ? (
          <ul className="how__explanation">
            {t.uitleg.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="how__explanation">
            {STATUS_STYLES[t.status].label}: {STATUS_STYLES[t.status].description}.
          </p>
        )}
        {t.verwant && (
          <div className="how__explanation">
            <p>
              <strong>Verwante reeks, geen status van dit doel.</strong> {t.verwant.uitleg} Richting:{' '}
              {t.verwant.richting} ({t.verwant.reden}).
            </p>
            <p className="muted small">Bron: {t.verwant.bronnen.join('; ')}</p>
          </div>
        )}
        <p className="muted small">{METHOD_TEXT[t.soort] ?? METHOD_TEXT.absoluut}</p>
      </details>
    </div>
  );
}
