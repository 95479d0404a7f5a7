"""The organisation chart: units nested under their parent units."""

from dataclasses import dataclass, field


@dataclass
class UnitNode:
    unit: object
    children: list["UnitNode"] = field(default_factory=list)


def build_unit_tree(units):
    """Nest ``units`` under their parent units and return the top-level nodes.

    A unit whose parent is not among ``units`` (none, unpublished or merged) is placed at
    the top. Units whose parents form a loop are placed at the top once each, so that bad
    data never hides a unit or recurses forever. Children keep the order of ``units``.
    """
    units = list(units)
    by_id = {unit.pk: unit for unit in units}
    children = {unit.pk: [] for unit in units}
    roots = []
    for unit in units:
        if unit.parent_unit_id in by_id and unit.parent_unit_id != unit.pk:
            children[unit.parent_unit_id].append(unit)
        else:
            roots.append(unit)

    placed = set()

    def make_node(unit):
        placed.add(unit.pk)
        node = UnitNode(unit)
        for child in children[unit.pk]:
            if child.pk not in placed:
                node.children.append(make_node(child))
        return node

    nodes = [make_node(unit) for unit in roots]
    for unit in units:
        if unit.pk not in placed:
            nodes.append(make_node(unit))
    return nodes
