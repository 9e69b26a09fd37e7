export {};
//# sourceMappingURL=RoleLink.js.map