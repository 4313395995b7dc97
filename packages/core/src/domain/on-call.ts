/** One person on call. */
export interface OnCallPerson {
  readonly name: string;
  readonly email?: string;
}

/** Who is on call now, per escalation level; a level can have several people or none. */
export interface OnCall {
  readonly primary: readonly OnCallPerson[];
  readonly secondary: readonly OnCallPerson[];
}
