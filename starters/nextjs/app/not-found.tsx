export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no published page at this address.</p>
    </>
  );
}
