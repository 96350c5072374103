/** What the IT clerk sees when the terminal is not set up right: what is wrong and what to check. */
export function SetupProblem(props: { title: string; detail: string }) {
  return (
    <div class="setup-problem" role="alert" data-testid="setup-problem">
      <h1>{props.title}</h1>
      <p>{props.detail}</p>
    </div>
  );
}
