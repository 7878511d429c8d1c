// Run by the mongo image's entrypoint (mongosh, as root) on the first start only, when the data
// directory is empty. One user per service, allowed to read and write its own database only.
const services = [
  { user: 'incident-service', db: 'steppewatch-incidents', passwordVariable: 'INCIDENT_SERVICE_PASSWORD' },
  { user: 'analysis-service', db: 'steppewatch-analysis', passwordVariable: 'ANALYSIS_SERVICE_PASSWORD' },
  { user: 'notification-service', db: 'steppewatch-notifications', passwordVariable: 'NOTIFICATION_SERVICE_PASSWORD' },
];
for (const service of services) {
  const password = process.env[service.passwordVariable];
  if (!password) {
    throw new Error(`${service.passwordVariable} is not set`);
  }
  db.getSiblingDB(service.db).createUser({
    user: service.user,
    pwd: password,
    roles: [{ role: 'readWrite', db: service.db }],
  });
  print(`created MongoDB user ${service.user} for database ${service.db}`);
}
