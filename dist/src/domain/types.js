export const COMMENT_KINDS = ["general", "drafting", "question"];
//# sourceMappingURL=types.js.map