export {};
//# sourceMappingURL=Deadline.js.map