export {};
//# sourceMappingURL=Dimension.js.map