/** One change `ak-hook init` or `ak-hook uninstall` makes (or, with --dry-run, would make). */
export type SetupAction =
  | { kind: 'install-husky'; command: string }
  | { kind: 'prepare-script'; value: string }
  | { kind: 'run-husky'; hooksPath: string }
  | { kind: 'create-hook'; file: string; line: string }
  | { kind: 'add-line'; file: string; line: string }
  | { kind: 'remove-line'; file: string; line: string }
  | { kind: 'delete-hook'; file: string }
  | { kind: 'add-task'; file: string; glob: string; command: string }
  | { kind: 'remove-task'; file: string; glob: string; command: string };

/** Notes printed with the actions: facts the user should know, nothing was changed for them. */
export type SetupNote =
  | { kind: 'lint-staged-offer' }
  | { kind: 'lint-staged-manual'; file: string; task: string }
  | { kind: 'hooks-path'; hooksPath: string }
  | { kind: 'hooks-outside'; dir: string; line: string }
  | { kind: 'hook-not-shell'; file: string; shebang: string; line: string }
  | { kind: 'husky-kept' }
  | { kind: 'pre-push-offer' }
  | { kind: 'pre-push-manual'; file: string; line: string };

export interface SetupPlan {
  actions: SetupAction[];
  notes: SetupNote[];
}
