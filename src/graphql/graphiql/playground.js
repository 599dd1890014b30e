// The GraphQL playground: GraphiQL on this server's /graphql. The API key goes in the Headers
// tab ({"Authorization": "Bearer gbl_live_…"}); GraphiQL keeps it in this browser's
// localStorage only (`shouldPersistHeaders`), and sends it with every request, introspection
// included, so autocomplete and the Docs explorer show what the key may use.
const fetcher = GraphiQL.createFetcher({ url: new URL("/graphql", window.location.href).toString() });
const defaultQuery = `# Put your API key in the Headers tab below, then run (Ctrl+Enter).
# The Docs explorer (top left) lists every query and mutation.
{
  properties(limit: 5) {
    id
    title
    price
  }
}
`;
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    defaultHeaders: JSON.stringify({ Authorization: "Bearer gbl_live_…" }, null, 2),
    shouldPersistHeaders: true,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: "headers",
  }),
);
