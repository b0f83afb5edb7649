/** The exit code of a server that cannot start until its configuration changes (sysexits' EX_CONFIG): `npm start` does not retry it. */
export const CANNOT_START = 78;
