import { EventEmitter } from 'node:events';

/** Domain events, emitted after the transaction that caused them has committed. */
export interface DomainEvents {
  'resident.created': { communityId: number; residentId: number };
  'residents.imported': { communityId: number; importId: number; count: number };
  'ticket.created': { communityId: number; ticketId: number };
  'ticket.transitioned': { communityId: number; ticketId: number; action: string };
}

export class EventBus {
  private readonly emitter = new EventEmitter();
  emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload);
  }
  on<K extends keyof DomainEvents>(name: K, handler: (payload: DomainEvents[K]) => void | Promise<void>): void {
    this.emitter.on(name, (payload: DomainEvents[K]) => {
      Promise.resolve(handler(payload)).catch((err) => this.emitter.emit('error', err));
    });
  }
  onError(handler: (err: unknown) => void): void {
    this.emitter.on('error', handler);
  }
}
