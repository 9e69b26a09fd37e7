export {};
//# sourceMappingURL=StateAlias.js.map