/** The beheer part of the client (login, uploads, targets, audit), loaded only on /beheer. */
export default function BeheerApp() {
  return (
    <section>
      <h1>Beheer</h1>
      <p>Inloggen en beheer volgen.</p>
    </section>
  );
}
