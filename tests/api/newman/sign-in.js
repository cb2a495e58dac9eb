// Every request carries the session cookie of the user the run is for (set by ApiContractTests).
pm.request.headers.upsert({ key: 'Cookie', value: pm.variables.get('authCookie') });
