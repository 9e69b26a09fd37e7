export {};
//# sourceMappingURL=Position.js.map