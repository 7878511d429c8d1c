// Healthcheck of the mongo container (mongosh --nodb): signs in as root, initiates the one-member
// replica set on the first start, and is healthy once this member is primary. The password is
// read from the environment, never from a command line.
const user = encodeURIComponent(process.env.MONGO_INITDB_ROOT_USERNAME);
const password = encodeURIComponent(process.env.MONGO_INITDB_ROOT_PASSWORD);
const admin = connect(`mongodb://${user}:${password}@127.0.0.1:27017/admin?directConnection=true&authSource=admin`);
let status;
try {
  status = admin.adminCommand({ replSetGetStatus: 1 });
} catch (notInitiated) {
  admin.adminCommand({ replSetInitiate: { _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] } });
  status = admin.adminCommand({ replSetGetStatus: 1 });
}
if (status.myState !== 1) {
  quit(1);
}
