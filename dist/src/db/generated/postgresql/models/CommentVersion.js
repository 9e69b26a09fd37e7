export {};
//# sourceMappingURL=CommentVersion.js.map