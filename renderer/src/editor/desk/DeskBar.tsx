import { useEffect, useState } from 'react';
import type { DeskPerson } from './desk-provider.ts';

/**
 * A shared story's desk line: who else is in it (their colour is their cursor's) and who
 * it is assigned to, which every collaborator sees and may change.
 */
export function DeskBar({ people, assignee, onAssignee }: { people: DeskPerson[]; assignee: string; onAssignee: (name: string) => void }) {
  // Typed freely, shared when the field is left (or Enter): not a change per keystroke.
  const [typed, setTyped] = useState(assignee);
  useEffect(() => setTyped(assignee), [assignee]);
  const commit = () => typed.trim() !== assignee && onAssignee(typed.trim());
  return (
    <div className="desk-bar">
      <ul className="desk-people" aria-label="In this story">
        {people.length === 0 && <li className="desk-alone">No one else is in this story.</li>}
        {people.map((person) => (
          <li
            key={person.name}
            className={person.focusing ? 'writing' : undefined}
            title={person.focusing ? `${person.name} is in the text` : person.name}
          >
            <span className="desk-person-dot" style={{ background: person.color }} aria-hidden="true" />
            {person.name}
          </li>
        ))}
      </ul>
      <label className="desk-assignee">
        Assigned to
        <input
          value={typed}
          maxLength={200}
          placeholder="No one"
          onChange={(event) => setTyped(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => event.key === 'Enter' && commit()}
        />
      </label>
    </div>
  );
}
