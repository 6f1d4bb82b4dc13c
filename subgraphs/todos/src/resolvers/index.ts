import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { completeTodo } from './Mutation/completeTodo';
import { createTodo } from './Mutation/createTodo';
import { deleteTodo } from './Mutation/deleteTodo';
import { moveTodo } from './Mutation/moveTodo';
import { reopenTodo } from './Mutation/reopenTodo';
import { updateTodo } from './Mutation/updateTodo';
import { todo } from './Query/todo';
import { todos } from './Query/todos';
import { organizationTodos } from './Query/organizationTodos';
import { Todo } from './Todo';
import { TodoConnection } from './TodoConnection';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { todo, todos, organizationTodos },
  Mutation: { createTodo, updateTodo, completeTodo, reopenTodo, deleteTodo, moveTodo },
  Todo,
  TodoConnection,
  User,
};
