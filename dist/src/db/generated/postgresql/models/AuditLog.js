export {};
//# sourceMappingURL=AuditLog.js.map