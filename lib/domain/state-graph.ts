/** A process version's state graph (PRODUCT.md "ProcessVersion"). */
export type StateKind = "task" | "human" | "terminal";

export type GraphState = {
  name: string;
  kind: StateKind;
  /** External providers the step may call, in order of preference. */
  providers?: string[];
};

export type StateGraph = {
  initial: string;
  states: GraphState[];
  transitions: { from: string; to: string }[];
};

export function stateOf(graph: StateGraph, name: string): GraphState | undefined {
  return graph.states.find((s) => s.name === name);
}

/** States a case in `state` may move to next. */
export function nextStates(graph: StateGraph, state: string): string[] {
  return graph.transitions.filter((t) => t.from === state).map((t) => t.to);
}

/** Providers a step in `state` could be rerouted to, other than `current`. */
export function alternativeProviders(graph: StateGraph, state: string, current: string | null): string[] {
  return (stateOf(graph, state)?.providers ?? []).filter((p) => p !== current);
}
