#!/usr/bin/env python3
"""Writes a catalog of generated form files that `formrunner validate` accepts.

    generate_forms.py OUT_DIR [--files 2000] [--seed 7]

OUT_DIR receives Forms/shared/*.yaml (shared option lists and field groups) and
Forms/<team>/*.yaml (forms), OUT_DIR/Forms holding exactly --files files. The same seed always
writes the same bytes. Forms mix every field type, inline and shared options, field groups,
`when:` conditions on earlier fields, bounds, defaults, file limits and {en, pt, es} labels.
"""
import os
import random
import shutil
import sys

HEADER = "# yaml-language-server: $schema=../../schema/formrunner.schema.json\n"
TEAMS = ["technical", "financial", "commercial", "logistics", "marketing", "partners", "security", "catalog"]
# (en, pt, es) nouns and phrases that make labels read like a support desk's.
WORDS = [
    ("order", "pedido", "pedido"), ("invoice", "fatura", "factura"), ("payment", "pagamento", "pago"),
    ("store", "loja", "tienda"), ("account", "conta", "cuenta"), ("product", "produto", "producto"),
    ("price", "preço", "precio"), ("shipping", "frete", "envío"), ("carrier", "transportadora", "transportista"),
    ("warehouse", "armazém", "almacén"), ("stock", "estoque", "inventario"), ("promotion", "promoção", "promoción"),
    ("coupon", "cupom", "cupón"), ("checkout", "checkout", "checkout"), ("catalog", "catálogo", "catálogo"),
    ("category", "categoria", "categoría"), ("brand", "marca", "marca"), ("seller", "vendedor", "vendedor"),
    ("marketplace", "marketplace", "marketplace"), ("contract", "contrato", "contrato"),
    ("refund", "reembolso", "reembolso"), ("return", "devolução", "devolución"), ("domain", "domínio", "dominio"),
    ("certificate", "certificado", "certificado"), ("integration", "integração", "integración"),
    ("report", "relatório", "informe"), ("user", "usuário", "usuario"), ("permission", "permissão", "permiso"),
    ("tax", "imposto", "impuesto"), ("boleto", "boleto", "boleto"), ("gift card", "vale-presente", "tarjeta regalo"),
    ("subscription", "assinatura", "suscripción"), ("trade policy", "política comercial", "política comercial"),
    ("sales channel", "canal de vendas", "canal de venta"), ("pickup point", "ponto de retirada", "punto de retiro"),
    ("layout", "layout", "diseño"), ("search", "busca", "búsqueda"), ("review", "avaliação", "reseña"),
]
QUESTIONS = [
    ("Which {w} is affected?", "Qual {w} foi afetado?", "¿Qué {w} está afectado?"),
    ("Describe the {w} problem", "Descreva o problema de {w}", "Describa el problema de {w}"),
    ("When did the {w} change?", "Quando o {w} mudou?", "¿Cuándo cambió el {w}?"),
    ("How many {w} items?", "Quantos itens de {w}?", "¿Cuántos elementos de {w}?"),
    ("Is the {w} in production?", "O {w} está em produção?", "¿El {w} está en producción?"),
    ("Reference of the {w}", "Referência do {w}", "Referencia del {w}"),
    ("Contact for the {w}", "Contato do {w}", "Contacto del {w}"),
    ("Evidence of the {w}", "Evidências do {w}", "Evidencias del {w}"),
]
HELP = ("Give as much detail as you can about the {w}.", "Dê o máximo de detalhes sobre o {w}.",
        "Dé todos los detalles posibles sobre el {w}.")
TYPES = ["text"] * 18 + ["multiline"] * 10 + ["choice"] * 20 + ["multichoice"] * 8 + ["boolean"] * 10 + \
        ["number"] * 8 + ["date"] * 6 + ["email"] * 6 + ["files"] * 6 + ["secret"] * 2 + ["account"] * 3
FILE_TYPES = ["application/pdf", "image/*", "video/*", "text/plain", ".har", ".log", ".csv", ".json", ".zip", ".xml"]


def quote(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Generator:
    def __init__(self, seed):
        self.random = random.Random(seed)

    def chance(self, p):
        return self.random.random() < p

    def label(self, templates, word, translated=None):
        en, pt, es = (t.format(w=x) for t, x in zip(templates, word))
        if translated is None:
            translated = self.chance(0.4)
        if not translated:
            return quote(en)
        return "{en: %s, pt: %s, es: %s}" % (quote(en), quote(pt), quote(es))

    def options(self, count, prefix):
        words = self.random.sample(WORDS, count)
        return [(f"{prefix}_{i}_{w[0].replace(' ', '_')}", w) for i, w in enumerate(words)]

    def option_lines(self, options, indent):
        lines = []
        for option_id, word in options:
            label = self.label(("{w}", "{w}", "{w}"), word)
            extra = ", help: " + self.label(HELP, word, False) if self.chance(0.2) else ""
            lines.append(f"{indent}- {{id: {option_id}, label: {label}{extra}}}")
        return lines

    def option_list(self, list_id):
        options = self.options(self.random.randint(3, 9), "o")
        return list_id, options, [f"option_list: {list_id}", "options:"] + self.option_lines(options, "  ")

    def field(self, field_id, word, kind, earlier, shared_lists):
        question = self.random.choice(QUESTIONS)
        lines = [f"  - id: {field_id}", f"    label: {self.label(question, word)}", f"    type: {kind}"]
        if self.chance(0.5):
            lines.append(f"    help: {self.label(HELP, word)}")
        options = None
        if kind in ("choice", "multichoice"):
            if shared_lists and self.chance(0.5):
                list_id, options = self.random.choice(shared_lists)
                lines.append(f"    options: {list_id}")
            else:
                options = self.options(self.random.randint(2, 6), "opt")
                lines.append("    options:")
                lines += self.option_lines(options, "      ")
            if kind == "multichoice" and self.chance(0.5):
                lines.append(f"    min: 1\n    max: {len(options)}")
            if kind == "choice" and self.chance(0.2):
                lines.append(f"    default: {options[0][0]}")
        elif kind == "number":
            low = self.random.randint(0, 10)
            lines.append(f"    min: {low}\n    max: {low + self.random.randint(10, 10000)}")
            if self.chance(0.3):
                lines.append(f"    default: {low + 1}")
        elif kind in ("text", "multiline", "secret"):
            if self.chance(0.6):
                lines.append(f"    min_length: {self.random.randint(1, 10)}\n    max_length: {self.random.randint(50, 2000)}")
            if kind == "text" and self.chance(0.2):
                lines.append(f"    placeholder: {self.label(('e.g. {w}-1234',) * 3, word, False)}")
        elif kind == "boolean" and self.chance(0.3):
            lines.append("    default: false")
        elif kind == "files":
            types = ", ".join(self.random.sample(FILE_TYPES, self.random.randint(1, 5)))
            lines.append(f"    limits: {{count: {self.random.randint(1, 10)}, size: {self.random.choice([5, 10, 20, 50])}MB, types: [{types}]}}")
        if self.chance(0.2):
            lines.append("    required: false")
        if earlier and self.chance(0.4):
            condition = self.condition(earlier)
            if len(earlier) > 1 and self.chance(0.3):
                condition += self.random.choice([" and ", " or "]) + self.condition(earlier)
            lines.append(f"    when: {quote(condition) if self.chance(0.5) else single(condition)}")
        return lines, options

    def condition(self, earlier):
        field_id, kind, options = self.random.choice(earlier)
        if kind == "boolean":
            return self.random.choice([field_id, f"not {field_id}", f"{field_id} == true"])
        if kind == "choice":
            ids = [o[0] for o in options]
            if len(ids) > 2 and self.chance(0.5):
                return f"{field_id} in [" + ", ".join(f'"{x}"' for x in self.random.sample(ids, 2)) + "]"
            return f'{field_id} {self.random.choice(["==", "!="])} "{self.random.choice(ids)}"'
        if kind == "multichoice":
            if self.chance(0.5):
                return f'{field_id} contains "{self.random.choice(options)[0]}"'
            return f"count({field_id}) > 1"
        if kind == "number":
            return f"{field_id} {self.random.choice(['>=', '<', '=='])} {self.random.randint(1, 500)}"
        if kind == "date":
            return f'{field_id} >= date("2025-{self.random.randint(1, 12):02d}-01")'
        if kind == "files":
            return f"count({field_id}) > 0"
        return self.random.choice([f"not empty({field_id})", f'{field_id} != ""'])

    def field_group(self, group_id):
        lines = [f"field_group: {group_id}", f"title: {self.label(('{w} details',) * 3, self.random.choice(WORDS))}",
                 "fields:"]
        for index in range(self.random.randint(2, 4)):
            kind = self.random.choice(["text", "email", "account", "choice", "date"])
            word = self.random.choice(WORDS)
            field_id = f"{group_id.replace('-', '_')}_{index}_{word[0].replace(' ', '_')}"
            field_lines, _ = self.field(field_id, word, kind, [], [])
            lines += field_lines
        return lines

    def form(self, form_id, team, shared_lists, groups):
        word = self.random.choice(WORDS)
        lines = [f"form: {form_id}", f"version: {self.random.randint(1, 4)}",
                 f"title: {self.label(('Problem with the {w}', 'Problema com o {w}', 'Problema con el {w}'), word)}",
                 f"team: {team}"]
        if self.chance(0.6):
            lines.append(f"description: {self.label(HELP, word)}")
        lines.append("fields:")
        for group in self.random.sample(groups, min(self.random.choice([0, 0, 1, 1, 2]), len(groups))):
            lines.append(f"  - group: {group}")
        earlier = []
        for index in range(self.random.randint(4, 14)):
            kind = self.random.choice(TYPES)
            field_word = self.random.choice(WORDS)
            field_id = f"q{index}_{field_word[0].replace(' ', '_')}"
            field_lines, options = self.field(field_id, field_word, kind, earlier, shared_lists)
            lines += field_lines
            if kind not in ("secret", "account", "email"):
                earlier.append((field_id, kind, options))
        return lines


def single(text):
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(HEADER + "\n".join(lines) + "\n")


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    out, files, seed = argv[0], 2000, 7
    rest = argv[1:]
    while rest:
        flag, value, rest = rest[0], rest[1], rest[2:]
        if flag == "--files":
            files = int(value)
        elif flag == "--seed":
            seed = int(value)
        else:
            sys.exit(f"generate_forms.py: unknown option {flag}")
    generator = Generator(seed)
    forms_dir = os.path.join(out, "Forms")
    shutil.rmtree(forms_dir, ignore_errors=True)
    list_count, group_count = max(files // 50, 1), max(files // 200, 1)
    shared = []
    for index in range(list_count):
        list_id, options, lines = generator.option_list(f"shared-list-{index}")
        shared.append((list_id, options))
        write(os.path.join(forms_dir, "shared", f"{list_id}.yaml"), lines)
    groups = [f"shared-group-{index}" for index in range(group_count)]
    for group in groups:
        write(os.path.join(forms_dir, "shared", f"{group}.yaml"), generator.field_group(group))
    for index in range(files - list_count - group_count):
        team = TEAMS[index % len(TEAMS)]
        form_id = f"{team}.generated-{index:04d}"
        write(os.path.join(forms_dir, team, f"generated-{index:04d}.yaml"),
              generator.form(form_id, team, shared, groups))
    print(f"wrote {files} files ({list_count} option lists, {group_count} field groups) under {forms_dir}")


if __name__ == "__main__":
    main(sys.argv[1:])
