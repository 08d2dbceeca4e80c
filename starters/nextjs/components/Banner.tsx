/** The draft banner of previews and review links, as the reference frontend shows it. */
export function Banner({
  kind,
  text,
  note,
}: {
  kind: "preview" | "review";
  text: string;
  note?: string;
}) {
  return (
    <>
      <div className={`banner banner-${kind}`} role="status" data-testid="banner">
        {text}
      </div>
      {note ? <p className="review-note">Note from the editor: {note}</p> : null}
    </>
  );
}
