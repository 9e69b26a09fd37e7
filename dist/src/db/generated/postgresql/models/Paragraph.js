export {};
//# sourceMappingURL=Paragraph.js.map