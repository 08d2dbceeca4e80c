export default function ReviewExpired() {
  return (
    <>
      <h1>This review link has expired</h1>
      <p>
        The draft you were invited to read is no longer shared through this link: it has expired
        or been revoked.
      </p>
      <p>Ask the person who sent it for a new link.</p>
    </>
  );
}
