"""The layers hold: no import circle between the project's modules.

import-linter (`make lint`) checks that each app imports only the apps below it. This
test checks what it does not: that no two modules import each other, directly or round a
longer circle, imports inside functions included (grimp reads every import statement).
"""

import grimp

from tests.utils import PROJECT_APPS


def import_circles(graph):
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    imports = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    order, lowest, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(module):
        order[module] = lowest[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for imported in imports[module]:
            if imported not in order:
                visit(imported)
                lowest[module] = min(lowest[module], lowest[imported])
            elif imported in on_stack:
                lowest[module] = min(lowest[module], order[imported])
        if lowest[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(imports):
        if module not in order:
            visit(module)
    return circles


def test_no_module_imports_itself_round_a_circle():
    graph = grimp.build_graph(*PROJECT_APPS, "config")
    assert import_circles(graph) == []


def test_the_check_finds_a_circle():
    graph = grimp.ImportGraph()
    for module in ["a", "a.b", "a.c", "a.d"]:
        graph.add_module(module)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.b")
    graph.add_import(importer="a.c", imported="a.d")
    assert import_circles(graph) == [["a.b", "a.c"]]
