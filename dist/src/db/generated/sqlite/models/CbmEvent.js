export {};
//# sourceMappingURL=CbmEvent.js.map