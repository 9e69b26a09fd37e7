export {};
//# sourceMappingURL=Comment.js.map