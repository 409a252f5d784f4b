#!/usr/bin/env python3
"""Writes Handlers/Trac/StarterCurriculum.json: the starter curriculum as Trac rows (milestones, components, enums,
tickets with their custom fields). Deterministic: run it again and the file is byte-identical.
Custom fields (documented in README, "Trac compatibility"): learning_difficulty, time_estimate, mastery_threshold,
learning_objectives (one per line), learning_resources (one per line: type | title | url), learning_exercises (JSON),
blockedby / blocking (comma-separated ticket numbers, the MasterTickets plugin's convention)."""
import json, random, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from concepts import MILESTONES

REFERENCES = {
    "http": ("MDN: HTTP", "https://developer.mozilla.org/en-US/docs/Web/HTTP"),
    "design": ("RFC 9110: HTTP Semantics", "https://www.rfc-editor.org/rfc/rfc9110"),
    "data": ("PostgreSQL documentation", "https://www.postgresql.org/docs/current/"),
    "security": ("OWASP API Security Project", "https://owasp.org/www-project-api-security/"),
    "testing": ("The Practical Test Pyramid", "https://martinfowler.com/articles/practical-test-pyramid.html"),
    "operations": ("OpenTelemetry documentation", "https://opentelemetry.io/docs/"),
}
COMPONENT_DESCRIPTIONS = {
    "http": "The HTTP protocol", "design": "API design", "data": "Data and persistence",
    "security": "API security", "testing": "Testing and quality", "operations": "Performance and operations",
}
BUG_LIKE = {"n-plus-one", "sql-injection", "flaky-tests", "mass-assignment", "csrf", "ssrf", "injection"}


def wiki_name(title):
    return "".join(w[:1].upper() + w[1:] for w in title.replace("/", " ").replace("-", " ").replace(",", "").split())


def time_estimate(minutes):
    h, m = divmod(minutes, 60)
    return f"{h}h{m}m" if h and m else f"{h}h" if h else f"{m}m"


def main():
    rng = random.Random(3)
    rows, by_slug = [], {}
    for m_index, (milestone, component, _, concepts) in enumerate(MILESTONES):
        for c_index, (slug, title, difficulty, minutes, prereqs, keywords, description) in enumerate(concepts):
            ticket = len(rows) + 1
            by_slug[slug] = ticket
            rows.append(dict(slug=slug, id=ticket, title=title, difficulty=difficulty, minutes=minutes,
                             prereqs=prereqs.split(), keywords=keywords.split(), description=description,
                             milestone=milestone, component=component, m_index=m_index, c_index=c_index))
    # prerequisite DAG check (the generator refuses to write a cycle)
    state = {}
    def visit(slug):
        if state.get(slug) == 1: raise SystemExit(f"cycle through {slug}")
        if state.get(slug) == 2: return
        state[slug] = 1
        for p in next(r for r in rows if r["slug"] == slug)["prereqs"]: visit(p)
        state[slug] = 2
    for r in rows: visit(r["slug"])

    blocking = {r["id"]: [] for r in rows}
    for r in rows:
        for p in r["prereqs"]: blocking[by_slug[p]].append(r["id"])

    tickets = []
    for r in rows:
        same_milestone = [o for o in rows if o["milestone"] == r["milestone"] and o["id"] != r["id"]]
        distractors = rng.sample(same_milestone, 3)
        options = [r["description"]] + [d["description"] for d in distractors]
        rng.shuffle(options)
        questions = [{"question": f"Which statement describes {r['title']}?", "options": options,
                      "answer": options.index(r["description"])}]
        if r["prereqs"]:
            prereq = rows[by_slug[rng.choice(r["prereqs"])] - 1]
            later = [o for o in rows if o["id"] > r["id"] and o["milestone"] == r["milestone"]] or \
                    [o for o in rows if o["id"] > r["id"]]
            others = rng.sample([o for o in later if o["slug"] not in r["prereqs"]], min(3, len(later)))
            opts = [prereq["title"]] + [o["title"] for o in others]
            rng.shuffle(opts)
            questions.append({"question": f"Which concept is a prerequisite of {r['title']}?", "options": opts,
                              "answer": opts.index(prereq["title"])})
        objectives = [
            f"Explain {r['title']} in your own words",
            f"Use the terms {', '.join(r['keywords'][:2])} correctly",
            f"Apply {r['title']} to a small web API",
        ]
        exercises = [{"key": "quiz", "title": f"{r['title']}: check your understanding", "type": "quiz",
                      "points": 5, "difficulty": max(1, round(r["difficulty"])), "estimated_time": 5 + 5 * len(questions),
                      "instructions": "Choose one answer per question.", "time_limit": 600, "questions": questions}]
        if r["component"] in ("design", "security", "data") and r["c_index"] % 2 == 0:
            exercises.append({
                "key": "design", "title": f"Design exercise: {r['title']}", "type": "design", "points": 10,
                "difficulty": max(1, round(r["difficulty"])), "estimated_time": max(20, r["minutes"] // 2),
                "instructions": f"Write a short design (Markdown) for a small user-management API that applies {r['title']}. {r['description']}",
                "requirements": [f"Apply {r['title']} explicitly"] + [f"Address {k}" for k in r["keywords"][:3]] +
                                ["Show at least one example request and response"],
                "starter_code": "# Design\n\n## Endpoints\n\n## Examples\n", "time_limit": 1800})
        elif r["component"] in ("http", "testing", "operations") and r["c_index"] % 3 == 1:
            exercises.append({
                "key": "coding", "title": f"Coding exercise: {r['title']}", "type": "coding", "points": 10,
                "difficulty": max(1, round(r["difficulty"])), "estimated_time": max(20, r["minutes"] // 2),
                "instructions": f"Write the code (any language) for a small endpoint or test that demonstrates {r['title']}. Your code is read, never run.",
                "requirements": [f"Demonstrate {r['title']}"] + [f"Handle {k}" for k in r["keywords"][:2]] +
                                ["Return the right status codes"],
                "starter_code": "// Your endpoint or test here\n", "time_limit": 2400})
        resources = [f"documentation | {r['title']} | /wiki/{wiki_name(r['title'])}",
                     f"article | {REFERENCES[r['component']][0]} | {REFERENCES[r['component']][1]}"]
        if r["c_index"] % 4 == 0:
            resources.insert(1, f"video | {r['title']} explained | /wiki/Screencasts/{wiki_name(r['title'])}")
        ticket_type = "feature" if r["c_index"] == 24 else "bug" if r["slug"] in BUG_LIKE else \
            "enhancement" if r["c_index"] % 7 == 6 else "task"
        custom = {
            "learning_difficulty": f"{r['difficulty']:g}",
            "time_estimate": time_estimate(r["minutes"]),
            "mastery_threshold": "0.8",
            "learning_objectives": "\n".join(objectives),
            "learning_resources": "\n".join(resources),
            "learning_exercises": json.dumps(exercises, ensure_ascii=False),
            "blockedby": ", ".join(str(by_slug[p]) for p in r["prereqs"]),
            "blocking": ", ".join(str(b) for b in blocking[r["id"]]),
        }
        tickets.append({
            "id": r["id"], "type": ticket_type, "component": r["component"], "milestone": r["milestone"],
            "priority": "major", "severity": "", "owner": "", "reporter": "learntrac", "status": "new",
            "summary": r["title"], "keywords": " ".join(r["keywords"]),
            "description": f"{r['description']}\n\nPart of the milestone \"{r['milestone']}\".",
            "custom": {k: v for k, v in custom.items() if v != ""},
        })
    data = {
        "milestones": [{"name": m, "description": d} for m, _, d, _ in MILESTONES],
        "components": [{"name": c, "owner": "instructor", "description": COMPONENT_DESCRIPTIONS[c]} for _, c, _, _ in MILESTONES],
        "tickets": tickets,
    }
    out = os.path.join(os.path.dirname(__file__), "..", "..", "Handlers", "Trac", "StarterCurriculum.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(tickets)} tickets, {sum(len(b) for b in blocking.values())} prerequisite edges -> {os.path.normpath(out)}")


main()
