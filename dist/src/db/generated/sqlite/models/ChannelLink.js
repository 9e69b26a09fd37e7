export {};
//# sourceMappingURL=ChannelLink.js.map