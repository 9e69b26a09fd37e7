export {};
//# sourceMappingURL=DigestDelivery.js.map