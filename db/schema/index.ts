export * from "./people";
export * from "./board";
export * from "./policies";
export * from "./votes";
export * from "./tasks";
export * from "./records";
export * from "./accounts";
