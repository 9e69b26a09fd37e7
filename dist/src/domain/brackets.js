const MARK = /^\s*\((?:([+-])\s*([A-Z]{2,6})|([A-Z]{2,6})\s+tcb)\)/;
export function parseBrackets(text) {
    const brackets = [];
    const stack = [];
    let balanced = true;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === "[")
            stack.push(i);
        else if (ch === "]") {
            const start = stack.pop();
            if (start === undefined) {
                balanced = false;
                continue;
            }
            const marks = [];
            let rest = text.slice(i + 1);
            // Marks may follow after a closing punctuation mark: "[…]. (-IND)".
            const lead = /^[.,;:]?/.exec(rest)?.[0] ?? "";
            rest = rest.slice(lead.length);
            for (let m = MARK.exec(rest); m; m = MARK.exec(rest)) {
                if (m[3])
                    marks.push({ party: m[3], kind: "to_come_back" });
                else
                    marks.push({ party: m[2], kind: m[1] === "+" ? "proposes" : "opposes" });
                rest = rest.slice(m[0].length);
            }
            brackets.push({ text: text.slice(start + 1, i), depth: stack.length, marks });
        }
    }
    if (stack.length)
        balanced = false;
    const parties = [...new Set(brackets.flatMap((b) => b.marks.map((m) => m.party)))];
    // "(X tcb)" after unbracketed text still means the text is not agreed.
    const loneTcb = /\([A-Z]{2,6}\s+tcb\)/.test(text.replace(/\[[^\]]*\]\s*\([A-Z]{2,6}\s+tcb\)/g, ""));
    return { agreed: brackets.length === 0 && !loneTcb, brackets: brackets.sort((a, b) => a.depth - b.depth), balanced, parties };
}
//# sourceMappingURL=brackets.js.map