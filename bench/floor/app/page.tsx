import { floorDb } from "./db";

export const dynamic = "force-dynamic";

type Row = { id: number; name: string; country: string; status: string };

export default async function Page() {
  const { rows } = await (await floorDb()).query<Row>("select id, name, country, status from organizations order by name limit 20");
  return (
    <main>
      <h1>Organisations</h1>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Country</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.name}</td>
              <td>{row.country}</td>
              <td>{row.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
