import { Gable, NotFoundError } from "../src/index.js";

const gable = new Gable({ apiKey: process.env.GABLE_API_KEY!, baseUrl: process.env.GABLE_API_URL });

const lead = await gable.post("/api/leads", { body: { name: "Jane Doe", email: "jane@example.com" } });
console.log(lead.id, lead.status);

for await (const property of gable.paginate("/api/properties", { params: { query: { status: "ACTIVE" } } })) {
  console.log(property.title, property.price);
}

try {
  await gable.get("/api/leads/{id}", { params: { path: { id: "lead_gone" } } });
} catch (error) {
  if (error instanceof NotFoundError) console.log(error.code, error.requestId); // NOT_FOUND req_…
}
