export {};
//# sourceMappingURL=SilenceProcedure.js.map