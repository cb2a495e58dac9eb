// After every request: no server error, and the status, content type and body are ones the OpenAPI document
// declares for this operation. `contract` (set by ApiContractTests) maps "METHOD /path/{template}" to
// { "<status>": { "contentTypes": [...], "schema": <JSON schema or null> } }.
const contract = JSON.parse(pm.variables.get('contract'));
const method = pm.request.method;
const path = '/' + pm.request.url.path.join('/');
const code = pm.response.code;

function operation() {
  if (contract[method + ' ' + path]) return contract[method + ' ' + path];
  for (const key of Object.keys(contract)) {
    const [m, template] = key.split(' ');
    const pattern = new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$');
    if (m === method && pattern.test(path)) return contract[key];
  }
  return null;
}

const op = operation();
pm.test('[contract] no server error', () => pm.expect(code, method + ' ' + path).to.be.below(500));
pm.test('[contract] operation is documented', () => pm.expect(op, method + ' ' + path).to.be.an('object'));
if (op) {
  const declared = op[String(code)];
  pm.test('[contract] status ' + code + ' is declared', () =>
    pm.expect(declared, method + ' ' + path + ' answered ' + code + ': ' + pm.response.text().slice(0, 300)).to.be.an('object'));
  const type = (pm.response.headers.get('Content-Type') || '').split(';')[0].trim();
  if (declared && declared.contentTypes.length > 0) {
    pm.test('[contract] content type is declared', () => pm.expect(declared.contentTypes, method + ' ' + path + ' ' + code).to.include(type));
    if (declared.schema && type.endsWith('json')) {
      pm.test('[contract] body matches the schema', () => pm.response.to.have.jsonSchema(declared.schema));
    }
  }
}
