export {};
//# sourceMappingURL=Offer.js.map