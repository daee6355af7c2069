// The in-process CouchDB stand-in's packages ship no types; it is test code only.
declare module 'express';
declare module 'express-pouchdb';
declare module 'pouchdb-core';
declare module 'pouchdb-adapter-memory';
