/// The portal's style sheet: readable, high-contrast, visible focus, no external resources.
enum PortalStyle {
    static let css = """
        :root { --ink: #1b1f24; --muted: #4a5563; --accent: #0b57d0; --bad: #b3261e; --good: #146c2e; --line: #c9ced6; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
        header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); }
        header .desk { font-weight: 700; font-size: 1.2rem; color: var(--ink); text-decoration: none; margin-right: auto; }
        header nav a { margin-right: .5rem; }
        header nav a[aria-current] { font-weight: 700; }
        header .account { display: flex; gap: .75rem; align-items: center; }
        header .account form { display: inline; }
        main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        .field { margin: 0 0 1.25rem; }
        .field[hidden] { display: none; }
        label, legend { display: block; font-weight: 600; margin-bottom: .25rem; }
        .option label { display: inline; font-weight: 400; margin-left: .35rem; }
        .mark { font-weight: 400; color: var(--muted); font-size: .9em; }
        .help { color: var(--muted); margin: .1rem 0 .4rem; font-size: .95em; }
        .error { color: var(--bad); font-weight: 600; margin: .3rem 0 0; }
        .invalid input, .invalid textarea, .invalid select { border-color: var(--bad); }
        input[type=text], input[type=email], input[type=password], input[type=number], input[type=date], input[type=search],
        select, textarea { width: 100%; padding: .5rem; border: 1px solid #8a94a3; border-radius: 4px; font: inherit; }
        fieldset { border: 1px solid var(--line); border-radius: 4px; padding: .75rem 1rem; margin: 0 0 1.25rem; }
        button { font: inherit; padding: .55rem 1.1rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent); }
        button.link { background: none; border: none; color: var(--accent); text-decoration: underline; padding: 0; }
        .start-over { margin-top: 2rem; }
        [role=alert] { color: var(--bad); border-left: 4px solid var(--bad); padding: .5rem .75rem; background: #fdecea; }
        [role=status] { border-left: 4px solid var(--good); padding: .5rem .75rem; background: #e8f5e9; }
        p.demo { margin: 0; padding: .5rem 1.5rem; background: #fff4ce; border-bottom: 1px solid #e0c96b; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
        dl.review div, dl div { display: grid; grid-template-columns: 14rem 1fr; gap: .75rem; padding: .35rem 0; border-bottom: 1px solid var(--line); }
        dt { font-weight: 600; }
        dd { margin: 0; }
        pre { white-space: pre-wrap; background: #f5f6f8; padding: .75rem; border-radius: 4px; }
        .filters { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; }
        .filters .field { flex: 1 1 12rem; }
        """
}
