export {};
//# sourceMappingURL=PriorityArea.js.map