// What screens hand the calendar: real instants in, real instants out. The Kyiv conversion is
// the calendar's business (see calendar-time.ts).
import type { OpeningInterval } from '@vcentri/shared';

export type CalendarView = 'week' | 'day' | 'month' | 'list';

export interface CalendarEvent {
  id: string;
  start: string | Date;
  end: string | Date;
  title: string;
  /** Extra CSS classes, e.g. to mark pending requests. */
  classNames?: string[];
  /** Background colour; must contrast with the text colour (white unless given). */
  color?: string;
  /** Border colour, e.g. to outline pending requests; the background colour otherwise. */
  borderColor?: string;
  textColor?: string;
  /** 'background' paints a tinted band (free time), not a clickable event. */
  display?: 'auto' | 'background';
  /** Whether a click or Enter on the event calls onEventClick. */
  interactive?: boolean;
}

export interface CalendarSelection {
  start: Date;
  end: Date;
}

export interface CalendarProps {
  /** Names the calendar for assistive technology. */
  label: string;
  events: readonly CalendarEvent[];
  views: readonly CalendarView[];
  initialView?: CalendarView;
  /** Kyiv local date to open on; today otherwise. */
  initialDate?: string;
  openingHours?: readonly OpeningInterval[];
  selectable?: boolean;
  onSelect?(selection: CalendarSelection): void;
  onEventClick?(id: string): void;
  /** Called with the instants the visible range covers, whenever it changes. */
  onRangeChange?(range: { from: Date; to: Date }): void;
}
